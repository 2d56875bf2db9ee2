import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import ja from '@/locales/ja.json';
import en from '@/locales/en.json';

export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'sg.lang';

function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'ja') return saved;
  } catch {
    // storage unavailable: Japanese
  }
  return 'ja';
}

void i18n.use(initReactI18next).init({
  resources: { ja: { translation: ja }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'ja',
  interpolation: { escapeValue: false },
  // Keys contain ':' (scopes) and '.' (audit event types): one namespace, no namespace separator.
  nsSeparator: false,
  returnNull: false,
});
document.documentElement.lang = i18n.language;

/** Only the language preference is kept in localStorage; never a token. */
export async function setLanguage(lang: Language): Promise<void> {
  await i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // ignore
  }
}

export default i18n;
