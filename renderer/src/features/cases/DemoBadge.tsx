import { Badge } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Marks a demo case wherever it is listed, so it is never taken for an investigation. */
export function DemoBadge() {
  const { t } = useTranslation();
  return (
    <Badge data-testid="demo-badge" size="sm" variant="light" color="grape" leftSection={<IconFlask size={11} aria-hidden />} style={{ flexShrink: 0 }}>
      {t('demo.badge')}
    </Badge>
  );
}
