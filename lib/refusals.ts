import { NextResponse } from 'next/server';

// What the engagement and editors' routes answer (app/api/…): each outcome by name, and the HTTP
// status it is answered with, in one table, so that the same outcome is the same status everywhere.
// Answers are never cached: they are about one request.

const STATUS = {
  ok: 200,
  confirmed: 200,
  unsubscribed: 200,
  created: 201,
  'check-inbox': 202,
  malformed: 400,
  unauthorized: 401,
  'signed-out': 401,
  'cross-site': 403,
  'form-token': 403,
  banned: 403,
  closed: 403,
  'publish-disabled': 403,
  'unknown-story': 404,
  unknown: 404,
  duplicate: 409,
  expired: 410,
  'too-large': 413,
  'unsupported-type': 415,
  'too-fast': 429,
  unavailable: 503,
} as const;

/** An outcome the table names. */
export type Outcome = keyof typeof STATUS;

/**
 * The status of an outcome. A refusal the table does not name is one of what was sent (a field a
 * domain module refused: a name too long, an address that is not one), answered 400.
 */
export function statusOf(outcome: Outcome | (string & {})): number {
  return outcome in STATUS ? STATUS[outcome as Outcome] : 400;
}

export const noStore = { 'Cache-Control': 'no-store' } as const;

/** A JSON answer with the outcome's status. */
export function jsonAnswer(outcome: Outcome | (string & {}), body: object, headers: Record<string, string> = {}) {
  return NextResponse.json(body, { status: statusOf(outcome), headers: { ...noStore, ...headers } });
}

/** A plain-text answer with the outcome's status, for callers that are not pages (scripts, webhooks). */
export function textAnswer(outcome: Outcome, message: string) {
  return new NextResponse(`${statusOf(outcome)} ${message}\n`, {
    status: statusOf(outcome),
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...noStore },
  });
}

/** A redirect after a plain form's post (303), to a page that says what happened. */
export function seeOther(location: string, headers: Record<string, string> = {}) {
  return new NextResponse(null, { status: 303, headers: { Location: location, ...noStore, ...headers } });
}
