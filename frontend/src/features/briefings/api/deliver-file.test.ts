import { deliverFile, uploadVisibility, type DeliverFile } from './deliver-file';

const calls: { method: string; path: string; body: unknown; headers?: unknown }[] = [];
let failUpload = false;

vi.mock('@/lib/api-client', () => {
  const respond = (data: unknown, status = 201) => Promise.resolve({ data, response: new Response(null, { status }) });
  return {
    api: {
      POST: (path: string, init: { body: unknown; headers?: unknown }) => {
        calls.push({ method: 'POST', path, body: init.body, headers: init.headers });
        if (path === '/api/v1/documents') return respond({ id: 'doc-9' });
        if (path.endsWith('/versions')) {
          return failUpload
            ? Promise.resolve({ error: { title: 'Invalid', status: 422, errors: [] }, response: new Response(null, { status: 422 }) })
            : respond({ number: 1 });
        }
        return respond({ items: [{ document_id: 'doc-9' }] });
      },
    },
  };
});

const base = (stages: string[]): DeliverFile => ({
  file: new File(['%PDF-1.4'], 'n.pdf', { type: 'application/pdf' }),
  title: 'Transit costs',
  kind: 'research_study',
  visibility: 'regional',
  topicIds: ['t1'],
  idempotencyKey: 'key-1',
  onStage: (s) => stages.push(s),
});

describe('the visibility of an uploaded deliverable', () => {
  it('is the one the request asks for, and none for a delegation-only request', () => {
    expect(uploadVisibility('regional')).toBe('regional');
    expect(uploadVisibility('public')).toBe('public');
    expect(uploadVisibility('delegation')).toBeNull();
  });
});

describe('delivering a file through the API', () => {
  beforeEach(() => {
    calls.length = 0;
    failUpload = false;
  });

  it('creates a document of the request’s kind at the visibility asked, uploads the file, then attaches it', async () => {
    const stages: string[] = [];
    const list = await deliverFile('r1', base(stages));
    expect(stages).toEqual(['creating', 'uploading', 'attaching']);
    expect(calls.map((c) => c.path)).toEqual([
      '/api/v1/documents',
      '/api/v1/documents/{id}/versions',
      '/api/v1/briefing-requests/{id}/deliverables',
    ]);
    expect(calls[0]?.body).toEqual({ kind: 'research_study', title: 'Transit costs', summary: '', visibility: 'regional', topic_ids: ['t1'] });
    expect(calls[0]?.headers).toEqual({ 'Idempotency-Key': 'key-1' });
    expect(calls[1]?.body).toBeInstanceOf(FormData);
    expect((calls[1]?.body as FormData).get('file')).toBeInstanceOf(File);
    expect(calls[2]?.body).toEqual({ document_id: 'doc-9' });
    expect(list).toEqual({ items: [{ document_id: 'doc-9' }] });
  });

  it('stops at a refused upload, attaches nothing, and creates no second document when given the first', async () => {
    failUpload = true;
    await expect(deliverFile('r1', base([]))).rejects.toMatchObject({ problem: { status: 422 } });
    expect(calls.map((c) => c.path)).toEqual(['/api/v1/documents', '/api/v1/documents/{id}/versions']);
    calls.length = 0;
    failUpload = false;
    await deliverFile('r1', { ...base([]), documentId: 'doc-9' });
    expect(calls.map((c) => c.path)).toEqual(['/api/v1/documents/{id}/versions', '/api/v1/briefing-requests/{id}/deliverables']);
  });
});
