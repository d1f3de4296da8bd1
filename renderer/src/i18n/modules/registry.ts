/**
 * Messages of the registry module pages. Each module keeps its own table (Chinese first, English
 * complete: a missing English key is a type error); messages.ts joins them into the one table.
 */
const zh = {
} as const;

const en: Record<keyof typeof zh, string> = {
};

export const registryMessages = { zh, en };
