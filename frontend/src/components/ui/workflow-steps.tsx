// The "what can happen next" block of a record with a workflow (impediments, prep items, briefing
// requests): one button per step open to the user, in workflow order — the refusing ones (dismiss,
// withdraw, decline) in red — then the chosen step's own form, and "Moved to …" announced once it is
// taken. Each feature supplies its steps, labels and form; this keeps the choosing and announcing the
// same everywhere.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';

export type StepFormProps = { onCancel: () => void; onDone: () => void };

export function WorkflowSteps<S extends string>({
  next,
  none,
  label,
  refusing,
  doneMessage,
  form,
}: {
  /** The steps open to this user now, in the order to show them. */
  next: readonly S[];
  /** What to say when no step is open. */
  none: string;
  label: (step: S) => string;
  /** Steps that end or refuse the work, shown in red. */
  refusing: (step: S) => boolean;
  /** What to announce once the step is taken. */
  doneMessage: (step: S) => string;
  form: (step: S, props: StepFormProps) => ReactNode;
}) {
  const [chosen, setChosen] = useState<S | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <Stack gap="sm">
      <div role="status">
        {done ? (
          <Alert color="teal" variant="light">
            {done}
          </Alert>
        ) : null}
      </div>
      {next.length === 0 ? (
        <Text c="dimmed">{none}</Text>
      ) : (
        <Group gap="sm">
          {next.map((to) => (
            <Button
              key={to}
              variant={chosen === to ? 'filled' : 'outline'}
              color={refusing(to) ? 'red' : undefined}
              aria-pressed={chosen === to}
              onClick={() => {
                setDone(null);
                setChosen(to);
              }}
            >
              {label(to)}
            </Button>
          ))}
        </Group>
      )}
      {chosen && next.includes(chosen) ? (
        <div key={chosen}>
          {form(chosen, {
            onCancel: () => setChosen(null),
            onDone: () => {
              setDone(doneMessage(chosen));
              setChosen(null);
            },
          })}
        </div>
      ) : null}
    </Stack>
  );
}
