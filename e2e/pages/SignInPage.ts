import { expect, type Locator, type Page } from '@playwright/test';

/** The console's sign-in screen (apps/admin/src/layout/LoginPage.tsx). */
export class SignInPage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Codat Ops Console' });
    this.form = page.getByRole('form', { name: 'Sign in with email and password' });
    this.email = this.form.getByLabel('Email');
    this.password = this.form.getByLabel('Password');
    this.submit = this.form.getByRole('button', { name: 'Sign in', exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto('/#/login');
    await expect(this.form).toBeVisible();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}
