import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { AuthLayout } from './components/AuthLayout';
import { ErrorAlert } from './components/ErrorAlert';
import { useT } from './i18n';
import { LockScreen } from './screens/LockScreen';
import { Recovery } from './screens/Recovery';
import { SetupWizard } from './screens/SetupWizard';
import { SignIn } from './screens/SignIn';
import { Shell } from './shell/Shell';
import { useStatus } from './state/status';

/** Chooses the screen from app.status: setup, sign-in (or recovery), lock, or the workbench. */
export function App() {
  const t = useT();
  const { status, loadError, refresh } = useStatus();
  const [signedOutView, setSignedOutView] = useState<
    { view: 'signIn'; username?: string; notice?: 'recovered' } | { view: 'recover' }
  >({ view: 'signIn' });

  if (!status) {
    if (loadError) {
      return (
        <AuthLayout>
          <Stack gap="md" data-testid="status-error">
            <Text fw={600}>{t('app.statusFailed')}</Text>
            <ErrorAlert error={loadError} />
            <Button onClick={() => void refresh()}>{t('common.retry')}</Button>
          </Stack>
        </AuthLayout>
      );
    }
    return (
      <Center mih="100vh" aria-busy="true">
        <Stack align="center" gap="sm">
          <Loader color="xuncha" />
          <Text size="sm" c="dimmed">
            {t('app.loading')}
          </Text>
        </Stack>
      </Center>
    );
  }

  switch (status.state) {
    case 'needsSetup':
      return <SetupWizard />;
    case 'signedOut':
      return signedOutView.view === 'recover' ? (
        <Recovery
          office={status.office?.name ?? null}
          onCancel={() => setSignedOutView({ view: 'signIn' })}
          onDone={(username) => setSignedOutView({ view: 'signIn', username, notice: 'recovered' })}
        />
      ) : (
        <SignIn
          key={`${signedOutView.username ?? ''}-${signedOutView.notice ?? ''}`}
          office={status.office?.name ?? null}
          initialUsername={signedOutView.username}
          notice={signedOutView.notice ?? null}
          onForgot={() => setSignedOutView({ view: 'recover' })}
        />
      );
    case 'locked':
      return <LockScreen office={status.office?.name ?? null} user={status.user} />;
    case 'active':
      return <Shell key={status.user.id} />;
  }
}
