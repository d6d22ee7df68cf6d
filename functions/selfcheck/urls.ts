/** Where the self-check page lives (public: no key, not under /v1). */
export const SELF_CHECK_BASE = '/check';
