import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';

import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { dayjsLocale, I18nProvider, useLocale } from './i18n';
import { StatusProvider } from './state/status';
import { theme } from './theme';

function LocalizedDates({ children }: { children: ReactNode }) {
  const [locale] = useLocale();
  return <DatesProvider settings={{ locale: dayjsLocale(locale), firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <I18nProvider>
        <LocalizedDates>
          {/* Top centre: clear of the header buttons (top right) and of table pagers (bottom right). */}
          <Notifications position="top-center" limit={4} />
          <StatusProvider>
            <App />
          </StatusProvider>
        </LocalizedDates>
      </I18nProvider>
    </MantineProvider>
  </StrictMode>,
);
