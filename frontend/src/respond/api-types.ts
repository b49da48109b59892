// The public form's request and response shapes, read out of the generated OpenAPI types (type-only
// imports: they cost the page no bytes). The one hand-written shape is the answers map, which the
// OpenAPI document types as an untyped JSON object.
import type { ApiRequestBody, ApiResponse } from '@/api/types';

export type PublicForm = ApiResponse<'/api/v1/public/consultations/{token}'>;
export type PublicQuestion = PublicForm['questions'][number];
export type QuestionKind = PublicQuestion['kind'];

type SubmitRequest = ApiRequestBody<'/api/v1/public/consultations/{token}/responses'>;
export type Profile = NonNullable<SubmitRequest['profile']>;

/** An option id (single choice), option ids (multi choice), a number (scale, number) or a text. */
export type AnswerValue = string | string[] | number;

export type SubmitResponseBody = Omit<SubmitRequest, 'answers'> & {
  lang: string;
  answers: Record<string, AnswerValue>;
};

export type SubmittedResponse = ApiResponse<'/api/v1/public/consultations/{token}/responses', 'post'>;

/** One entry of a problem document's `errors`. */
export type ProblemFieldError = { field: string; code: string; message: string };
