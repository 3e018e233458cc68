/** Says an i18next-style template with its values (`{{name}}` replaced), for English written in main. */
export const fill = (template: string, values: Record<string, string | number> = {}): string =>
  template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
