// Type helpers that read request and response shapes out of the generated `paths`, so feature code
// names operations by path and method and never depends on component schema names or hand-written types.
import type { paths } from './schema';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type SuccessCodes = 200 | 201;

/** The JSON body of a successful (200/201) response of `M P`. */
export type ApiResponse<P extends keyof paths, M extends Method = 'get'> =
  Operation<P, M> extends { responses: infer R }
    ? { [K in keyof R]: K extends SuccessCodes ? JsonOf<R[K]> : never }[keyof R]
    : never;

/** The JSON request body of `M P`. */
export type ApiRequestBody<P extends keyof paths, M extends Method = 'post'> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

/** The query parameters of `M P`. */
export type ApiQuery<P extends keyof paths, M extends Method = 'get'> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** One element of a paginated collection response. */
export type ApiItem<P extends keyof paths> = ApiResponse<P> extends { items: (infer I)[] } ? I : never;
