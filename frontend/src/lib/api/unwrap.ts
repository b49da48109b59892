// Turns an openapi-fetch result into data or a thrown ApiError carrying the problem details, so query
// functions stay one line and every failure reaches the UI in one shape.
import { ApiError, problemFrom, toProblem } from '@/lib/problem';

type FetchResult<T> = { data?: T; error?: unknown; response: Response };

export async function unwrap<T>(request: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch (error) {
    throw new ApiError(problemFrom(error));
  }
  const { data, error, response } = result;
  if (response.ok) return data as T;
  throw new ApiError(toProblem(error, response.status, response.headers.get('X-Request-Id')));
}
