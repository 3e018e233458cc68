import { Alert, Text } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Says on every tab of a demo case what it is: public facts, not an investigation. */
export function DemoBanner() {
  const { t } = useTranslation();
  return (
    <Alert data-testid="demo-banner" color="grape" variant="light" radius={0} py="xs" icon={<IconFlask size={16} />} title={t('demo.bannerTitle')}>
      <Text size="sm">{t('demo.bannerDetail')}</Text>
    </Alert>
  );
}
