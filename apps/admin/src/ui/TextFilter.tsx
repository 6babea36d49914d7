import { TextField } from '@mui/material';
import { useEffect, useId, useState } from 'react';
import { useInput } from 'react-admin';

interface Props {
  source: string;
  label: string;
  placeholder?: string;
  alwaysOn?: boolean;
  /** Why the text cannot be a filter yet (it is not sent until it can), or undefined when it can. */
  check?: (text: string) => string | undefined;
  /** Offered as the user types (a datalist); any other text is still allowed. */
  suggestions?: readonly string[];
}

/**
 * A free-text filter for react-admin's filter form. Text the BFF would refuse (say, half a company
 * id) stays in the box with a hint instead of turning the list into an error. (react-admin's
 * TextInput passes `InputProps`, which MUI 9 no longer takes.)
 */
export function TextFilter({ source, label, placeholder, check, suggestions }: Props) {
  const { field, id } = useInput({ source });
  const [text, setText] = useState<string>(field.value ?? '');
  const listId = useId();

  // The filter changed from outside (URL, "clear"): show it.
  useEffect(() => {
    const value = typeof field.value === 'string' ? field.value : '';
    setText((current) => (current.trim() === value ? current : value));
  }, [field.value]);

  const problem = text.trim() && check ? check(text.trim()) : undefined;
  const change = (next: string) => {
    setText(next);
    const trimmed = next.trim();
    // null, not undefined: the filter form merges the new values into the old ones, skipping undefined.
    if (!trimmed) field.onChange(null);
    else if (!check?.(trimmed)) field.onChange(trimmed);
  };

  return (
    <>
      <TextField
        id={id}
        label={label}
        size="small"
        placeholder={placeholder}
        value={text}
        onChange={(event) => change(event.target.value)}
        onBlur={field.onBlur}
        name={field.name}
        error={Boolean(problem)}
        helperText={problem}
        slotProps={{ inputLabel: placeholder ? { shrink: true } : undefined, htmlInput: suggestions ? { list: listId } : undefined }}
      />
      {suggestions && (
        <datalist id={listId}>
          {suggestions.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      )}
    </>
  );
}
