// POST /api/v1/documents/{id}/versions: a new version from a file and/or Markdown, as multipart form data
// (the browser sets the boundary). The server judges the file's type from its content.
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';
import { versionForm } from '@/lib/uploads';

import { documentsQueryKey } from './keys';

export type VersionUpload = { file?: File | null; bodyMarkdown?: string };

export function useUploadVersion(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (upload: VersionUpload) =>
      unwrap(
        api.POST('/api/v1/documents/{id}/versions', {
          params: { path: { id } },
          // openapi-fetch sends FormData as it is; the generated body type describes the form's parts.
          body: versionForm(upload) as never,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentsQueryKey }),
  });
}
