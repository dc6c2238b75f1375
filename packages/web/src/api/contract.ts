/**
 * Request and answer types read from the generated contract (schema.d.ts, npm run api:generate): the only API types
 * the web has, so a change to a server schema shows here as a type error instead of a wrong screen.
 */
import type { paths } from './schema';

export type { components, paths } from './schema';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Op<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Responses<P extends keyof paths, M extends Method> = Op<P, M> extends { responses: infer R } ? R : never;

/** The JSON body of an operation's success answer (200 or 201). */
export type Ok<P extends keyof paths, M extends Method = 'get'> =
  Json<Responses<P, M>[200 & keyof Responses<P, M>]> | Json<Responses<P, M>[201 & keyof Responses<P, M>]>;

/** The JSON request body of an operation. */
export type Body<P extends keyof paths, M extends Method = 'post'> =
  Op<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

/** The query parameters of an operation. */
export type Query<P extends keyof paths, M extends Method = 'get'> =
  Op<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** One element of a list answer `{ items: T[] }`. */
export type Item<P extends keyof paths, M extends Method = 'get'> =
  Ok<P, M> extends { items: (infer T)[] } ? T : never;
