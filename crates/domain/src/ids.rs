//! Typed ids, so a topic id is never passed where a user id is expected.

use crate::id_type;

id_type!(UserId);
id_type!(DelegationId);
id_type!(TopicId);
id_type!(WatchItemId);
id_type!(ApiKeyId);
id_type!(MinisterialId);
id_type!(AuditEventId);
id_type!(ImpedimentId);
id_type!(StakeholderId);
id_type!(CoalitionId);
id_type!(PrepItemId);
