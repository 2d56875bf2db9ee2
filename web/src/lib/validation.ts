import type { TFunction } from 'i18next';

/** Client-side (zod) messages are translation keys; server messages are shown as they come. */
export function fieldMessage(t: TFunction, message: string | undefined): string | undefined {
  if (!message) return undefined;
  return message.startsWith('validation.') ? t(message) : message;
}
