// Codes the notice rules raise; the HTTP status is chosen only in the server's errors table (default 422).
export const NoticeErrorCodes = {
  NOTICE_KIND_NOT_FOR_SECTOR: 'NOTICE_KIND_NOT_FOR_SECTOR',
  NOTICE_FIELD_MISSING: 'NOTICE_FIELD_MISSING',
  NOTICE_LEAD_TIME_SHORT: 'NOTICE_LEAD_TIME_SHORT',
  NOTICE_TIMES_INVALID: 'NOTICE_TIMES_INVALID',
  NOTICE_DURATION_REASON_REQUIRED: 'NOTICE_DURATION_REASON_REQUIRED',
  NOTICE_PHONE_INVALID: 'NOTICE_PHONE_INVALID',
} as const;

export type NoticeErrorCode = (typeof NoticeErrorCodes)[keyof typeof NoticeErrorCodes];
