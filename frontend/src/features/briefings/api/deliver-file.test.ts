import { deliverFile, type DeliverFile } from './deliver-file';

const calls: { method: string; path: string; body: unknown; headers?: unknown }[] = [];
let failUpload = false;

vi.mock('@/lib/api-client', () => {
  const respond = (data: unknown, status = 201) => Promise.resolve({ data, response: new Response(null, { status }) });
  return {
    api: {
      POST: (path: string, init: { body: unknown; headers?: unknown }) => {
        calls.push({ method: 'POST', path, body: init.body, headers: init.headers });
        if (path === '/api/v1/briefing-requests/{id}/deliverable-documents') return respond({ id: 'doc-9' });
        if (path.endsWith('/versions')) {
          return failUpload
            ? Promise.resolve({ error: { title: 'Invalid', status: 422, errors: [] }, response: new Response(null, { status: 422 }) })
            : respond({ id: 'doc-9', current_version: 1 });
        }
        return Promise.resolve({ error: { title: 'Not found', status: 404 }, response: new Response(null, { status: 404 }) });
      },
    },
  };
});

const base = (stages: string[]): DeliverFile => ({
  file: new File(['%PDF-1.4'], 'n.pdf', { type: 'application/pdf' }),
  title: 'Transit costs',
  idempotencyKey: 'key-1',
  onStage: (s) => stages.push(s),
});

describe('delivering a file through the API', () => {
  beforeEach(() => {
    calls.length = 0;
    failUpload = false;
  });

  it('files the deliverable under the requesting delegation, then uploads the file as its first version', async () => {
    const stages: string[] = [];
    const doc = await deliverFile('r1', base(stages));
    expect(stages).toEqual(['creating', 'uploading']);
    expect(calls.map((c) => c.path)).toEqual([
      '/api/v1/briefing-requests/{id}/deliverable-documents',
      '/api/v1/documents/{id}/versions',
    ]);
    expect(calls[0]?.body).toEqual({ title: 'Transit costs' });
    expect(calls[0]?.headers).toEqual({ 'Idempotency-Key': 'key-1' });
    expect(calls[1]?.body).toBeInstanceOf(FormData);
    expect((calls[1]?.body as FormData).get('file')).toBeInstanceOf(File);
    expect(doc).toEqual({ id: 'doc-9', current_version: 1 });
  });

  it('stops at a refused upload and files no second document when given the first', async () => {
    failUpload = true;
    await expect(deliverFile('r1', base([]))).rejects.toMatchObject({ problem: { status: 422 } });
    expect(calls.map((c) => c.path)).toEqual(['/api/v1/briefing-requests/{id}/deliverable-documents', '/api/v1/documents/{id}/versions']);
    calls.length = 0;
    failUpload = false;
    await deliverFile('r1', { ...base([]), documentId: 'doc-9' });
    expect(calls.map((c) => c.path)).toEqual(['/api/v1/documents/{id}/versions']);
  });
});
