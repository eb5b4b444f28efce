import type { FormFactor } from '../view/layout';

/** Whether the page is on a phone-sized screen, as the CSS sees it, and when that changes. */
export interface FormFactorSource {
  get(): FormFactor;
  /** Wide enough to keep a side panel open beside the videos from the start. */
  roomy(): boolean;
  onChange(listener: () => void): void;
}

/** The same breakpoint as styles/main.css (40rem). */
const PHONE_QUERY = '(max-width: 40rem)';
const ROOMY_QUERY = '(min-width: 64rem)';

export function browserFormFactor(): FormFactorSource {
  const match = (query: string) => (typeof window.matchMedia === 'function' ? window.matchMedia(query) : null);
  const phone = match(PHONE_QUERY);
  const roomy = match(ROOMY_QUERY);
  return {
    get: () => (phone?.matches ? 'phone' : 'desktop'),
    roomy: () => roomy?.matches ?? true,
    onChange(listener) {
      phone?.addEventListener('change', listener);
    },
  };
}
