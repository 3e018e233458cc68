import { AppShell, Group, Text, UnstyledButton } from '@mantine/core';
import { IconScale } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { IdentityMenu } from '../features/identity/IdentityMenu';
import { HeaderSearch } from '../features/search/HeaderSearch';
import { LockControls } from '../features/workspace-lock/LockControls';
import { LanguageSwitch } from './LanguageSwitch';
import { useAppStatus } from './useAppStatus';

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  // A locked, new or unavailable workspace has nothing to navigate or search: only its own screen.
  const ready = useAppStatus().data?.workspace.state === 'ready';
  return (
    <AppShell header={{ height: 40 }} padding={0}>
      <AppShell.Header px="sm" bg="slate.9" c="white" withBorder={false}>
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <UnstyledButton component={Link} to="/" c="white">
              <Group gap={6} wrap="nowrap">
                <IconScale size={18} stroke={1.6} aria-hidden />
                <Text fw={600} size="sm">
                  {t('app.name')}
                </Text>
              </Group>
            </UnstyledButton>
            {ready && (
              <>
                <UnstyledButton component={Link} to="/" c="slate.1" fz="sm">
                  {t('app.cases')}
                </UnstyledButton>
                <UnstyledButton component={Link} to="/lists" c="slate.1" fz="sm" data-testid="nav-lists">
                  {t('lists.nav')}
                </UnstyledButton>
                <UnstyledButton component={Link} to="/coordination" c="slate.1" fz="sm" data-testid="nav-coordination">
                  {t('screening.nav')}
                </UnstyledButton>
                <UnstyledButton component={Link} to="/keys" c="slate.1" fz="sm" data-testid="nav-keys">
                  {t('keys.nav')}
                </UnstyledButton>
              </>
            )}
          </Group>
          <Group gap="md" wrap="nowrap">
            {ready && <HeaderSearch />}
            <LockControls />
            <IdentityMenu />
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main h="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
