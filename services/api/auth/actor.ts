/** Who is making a request; on every request's context from day one. */
export interface Actor {
  userId: string;
  /** how the actor proved who they are; real sessions and API tokens arrive with the security issue */
  via: 'dev-token';
}
