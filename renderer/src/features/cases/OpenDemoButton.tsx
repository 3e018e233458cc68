import { Button, type ButtonProps } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconFlask } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { invoke } from '../../api/client';
import { notifyFailure } from '../../ui/notify';
import { caseKeys } from './queries';

// Under the list keys: creating, closing or reopening a case refreshes the lists, and so this.
const demoKey = [...caseKeys.lists, 'demo'] as const;

/** The open demo case, or null when there is none to point to (the list then offers one). */
export function useDemoCase() {
  return useQuery({ queryKey: demoKey, queryFn: () => invoke('cases.findDemo', {}) });
}

/** "Open the demo case": the open one, or one built now from public facts (main/demo); then shows it. */
export function OpenDemoButton(props: Pick<ButtonProps, 'variant' | 'size'> & { testId?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const open = useMutation({
    mutationFn: () => invoke('cases.openDemo', {}),
    onSuccess: (demo) => {
      queryClient.setQueryData(caseKeys.detail(demo.id), demo);
      void queryClient.invalidateQueries({ queryKey: caseKeys.all });
      void navigate(`/cases/${demo.id}`);
    },
    onError: notifyFailure,
  });
  return (
    <Button
      data-testid={props.testId ?? 'open-demo'}
      variant={props.variant ?? 'default'}
      size={props.size ?? 'sm'}
      leftSection={<IconFlask size={14} aria-hidden />}
      loading={open.isPending}
      onClick={() => open.mutate()}
    >
      {t('demo.open')}
    </Button>
  );
}
