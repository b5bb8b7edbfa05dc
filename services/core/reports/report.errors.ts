/** Why a report request was refused, in words an operator can act on (the API maps it to BAD_USER_INPUT). */
export class ReportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportInputError';
  }
}

/** The PDF could not be rendered (Chromium missing or crashed): the episode retries, then marks the report failed. */
export class ReportRenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportRenderError';
  }
}
