// A question's prompt (one text per language) in the UI's language, else English, else the first given.
export function promptText(prompt: Record<string, string | undefined> | null | undefined, language: string): string {
  if (!prompt) return '';
  return prompt[language] ?? prompt.en ?? Object.values(prompt).find((text) => text) ?? '';
}
