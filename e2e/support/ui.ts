import { expect, type Page } from '@playwright/test';

/** Switches the UI language with the header's switch, as a user would, and waits for it to apply. */
export async function setLanguage(page: Page, language: 'ja' | 'en'): Promise<void> {
  await page.getByTestId('language-switch').getByText(language === 'ja' ? '日本語' : 'English').click();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}
