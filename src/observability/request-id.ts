import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** A client's own id is kept (to join its logs with ours) when it is short and plain. */
const USABLE = /^[\w.:-]{1,64}$/;

/** Gives every HTTP request an id, echoed in `x-request-id` and carried into the GraphQL context and logs. */
export function requestId(req: Request, res: Response, next: NextFunction): void {
  const sent = req.get('x-request-id');
  const id = sent && USABLE.test(sent) ? sent : randomUUID();
  res.locals.requestId = id;
  res.setHeader('x-request-id', id);
  next();
}
