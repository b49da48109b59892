//! Small macros that keep string-backed enums and id newtypes uniform across the domain.

/// Declares an enum stored and transported as a lowercase string, with `as_str`, `ALL`,
/// `FromStr` (error names the allowed values) and serde in the same spelling. The spelling must be the
/// snake_case of the variant name: serde and the OpenAPI schema use `rename_all = "snake_case"` (utoipa
/// does not see per-variant renames made inside a macro), and a test checks the two agree.
#[macro_export]
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The allowed spellings, for error messages.
            pub fn allowed() -> String {
                [$($text),+].join(", ")
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(format!("must be one of: {}", $name::allowed())),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::macros::StringEnum for $name {
            const NAME: &'static str = stringify!($name);

            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }
        }
    };
}

/// What every `string_enum!` type is, for code generic over them (the store keeps each as its spelling in
/// one generic column type). `FromStr` reads the spelling back; its error names the allowed values.
pub trait StringEnum: Copy + std::str::FromStr<Err = String> + 'static {
    /// The type's name, for messages about a value that is not one of its spellings.
    const NAME: &'static str;

    /// The value's one spelling, as stored and as sent.
    fn as_str(self) -> &'static str;
}

/// Declares a UUID-backed id newtype.
#[macro_export]
macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(uuid::Uuid);

        impl $name {
            /// A new time-ordered (v7) id.
            pub fn new() -> Self {
                Self(uuid::Uuid::now_v7())
            }
            pub fn from_uuid(id: uuid::Uuid) -> Self {
                Self(id)
            }
            pub fn as_uuid(&self) -> uuid::Uuid {
                self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}
