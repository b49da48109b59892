// The home page's query key (marking a notification read refreshes it).
export const homeKey = ['home'] as const;
