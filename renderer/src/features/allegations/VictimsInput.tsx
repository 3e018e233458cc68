import { ActionIcon, Autocomplete, Button, Group, Input, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconShieldLock, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { newVictim, type AllegationFormValues } from './allegationForm';

interface Props {
  form: UseFormReturnType<AllegationFormValues>;
  disabled: boolean;
  /** The case's protected persons' pseudonyms, offered as the user types (a new pseudonym may still be typed). */
  pseudonyms: string[];
}

/** Victims by pseudonym only; the hint is always shown because the rule matters more than the space. */
export function VictimsInput({ form, disabled, pseudonyms }: Props) {
  const { t } = useTranslation();
  const victims = form.values.victims;
  return (
    <Input.Wrapper
      label={t('allegationForm.victims')}
      description={
        <Group gap={4} component="span">
          <IconShieldLock size={12} aria-hidden />
          <span>{t('allegationForm.victimsHint')}</span>
        </Group>
      }
      error={form.errors['victims']}
    >
      <Stack gap={6} mt={6}>
        {victims.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('allegationForm.noVictims')}
          </Text>
        )}
        {victims.map((victim, index) => (
          <Group key={victim.key} gap="xs" align="flex-start" wrap="nowrap">
            <Autocomplete
              data-testid={`allegation-victim-${index}`}
              // Each pseudonym once in a form: those already chosen in other rows are not offered again.
              data={pseudonyms.filter((p) => p === victim.pseudonym || !victims.some((v) => v.pseudonym === p))}
              aria-label={t('allegationForm.victimLabel', { n: index + 1 })}
              placeholder={t('allegationForm.victimPlaceholder')}
              leftSection={
                <Text size="xs" c="dimmed">
                  {index + 1}
                </Text>
              }
              disabled={disabled}
              w={320}
              {...form.getInputProps(`victims.${index}.pseudonym`)}
            />
            {!disabled && (
              <ActionIcon
                mt={4}
                aria-label={t('allegationForm.removeVictim', { n: index + 1 })}
                onClick={() => form.removeListItem('victims', index)}
              >
                <IconTrash size={14} />
              </ActionIcon>
            )}
          </Group>
        ))}
        {!disabled && (
          <div>
            <Button
              data-testid="allegation-victim-add"
              variant="subtle"
              leftSection={<IconPlus size={14} />}
              onClick={() => form.insertListItem('victims', newVictim())}
            >
              {t('allegationForm.addVictim')}
            </Button>
          </div>
        )}
      </Stack>
    </Input.Wrapper>
  );
}
