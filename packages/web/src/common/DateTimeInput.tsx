import { DatePicker, Grid, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

/**
 * A date and time as Beijing wall-clock time (see pickerToShanghaiIso). On a phone the browser's own picker
 * (`datetime-local`) is used: Ant Design's two-panel picker is wider than a 390 px screen.
 */
export function DateTimeInput(props: {
  value?: Dayjs | null;
  onChange?: (v: Dayjs | null) => void;
  testId?: string;
}) {
  const phone = Grid.useBreakpoint().md === false;
  if (phone)
    return (
      <Input
        type="datetime-local"
        size="large"
        value={props.value ? props.value.format('YYYY-MM-DDTHH:mm') : ''}
        onChange={(e) => props.onChange?.(e.target.value ? dayjs(e.target.value) : null)}
        data-testid={props.testId}
      />
    );
  return (
    <DatePicker
      showTime={{ format: 'HH:mm' }}
      format="YYYY-MM-DD HH:mm"
      style={{ width: '100%' }}
      value={props.value ?? null}
      onChange={(v) => props.onChange?.(v)}
      data-testid={props.testId}
    />
  );
}
