/** The artifact store the review queue signs preview URLs with (built once per API process). */
export const REVIEW_ARTIFACTS = Symbol('REVIEW_ARTIFACTS');
