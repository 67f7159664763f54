import { z } from 'zod';
import { isGuessable } from '../../core/auth/password-strength.ts';

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

const email = z
  .string()
  .trim()
  .max(254, 'accounts.error.email')
  .pipe(z.email('accounts.error.email'))
  .transform(normaliseEmail);

export const newPassword = z
  .string()
  .min(10, 'accounts.error.password-short')
  .max(200, 'accounts.error.password-long')
  .refine((p) => !isGuessable(p), 'accounts.error.password-common');

export const SignUpInput = z.object({
  name: z.string().trim().min(1, 'accounts.error.name').max(200, 'form.error.too-long'),
  email,
  password: newPassword,
});
export type SignUpInput = z.infer<typeof SignUpInput>;

export const LogInInput = z.object({
  email,
  password: z.string().min(1, 'form.error.required').max(200, 'accounts.error.login-failed'),
});
export type LogInInput = z.infer<typeof LogInInput>;

export const ForgotPasswordInput = z.object({ email });

export const ResetPasswordInput = z.object({
  token: z.string().min(10, 'accounts.error.token').max(100, 'accounts.error.token'),
  password: newPassword,
});
