import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Tag, Typography } from 'antd';
import { receptionScript, type ReceptionChannel } from '@ranre/domain';
import { workOrders, type WorkOrderChannel } from '../../api/workorders.ts';
import { useUser } from '../../platform/auth/AuthContext.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { pick } from '../orders/labels.ts';
import { useBadge } from './useBadge.ts';

function receptionChannel(channel: WorkOrderChannel | undefined): ReceptionChannel {
  if (channel === 'counter') return 'counter';
  if (channel === 'on_site' || channel === 'patrol') return 'on_site';
  if (channel === 'phone' || channel === 'hotline_12345' || channel === undefined) return 'phone';
  return 'online';
}

/**
 * What to say (G-5.5.4): greeting, company and badge number, purpose, service, farewell. The created order's
 * script wins; before that the server's script for the channel (GET /work-orders/script); if that fails, it is
 * built here from the company name and the agent's badge number in the staff registry.
 */
export function ReceptionScript(props: {
  channel?: WorkOrderChannel;
  script?: { zh: string[]; en: string[] } | null;
}) {
  const { t, lang } = useI18n();
  const user = useUser();
  const channel = props.channel ?? 'phone';
  const server = useQuery({
    queryKey: ['reception-script', channel],
    queryFn: () => workOrders.script(channel),
  });
  const script = props.script ?? server.data;
  const badge = useBadge(!script && !!server.error);
  let lines: { text: string; clause?: string }[] = [];
  let problem = false;
  if (script) {
    lines = (script[lang] ?? script.zh).map((text) => ({ text }));
  } else if (server.error) {
    try {
      lines = receptionScript({
        companyName: user.enterpriseName ?? '',
        badgeNumber: badge ?? '',
        agentName: user.displayName,
        channel: receptionChannel(channel),
      }).map((l) => ({ text: pick(l, lang), clause: l.clause }));
    } catch {
      problem = true;
    }
  }
  return (
    <Card size="small" title={t('console.script')} className="script-card" data-testid="reception-script">
      {problem ? <Alert type="warning" showIcon message={t('console.scriptNoBadge')} /> : null}
      <ol className="script-lines">
        {lines.map((l, i) => (
          <li key={i}>
            <Typography.Text>{l.text}</Typography.Text>
            {l.clause ? (
              <Tag bordered={false} style={{ marginInlineStart: 6, fontSize: 11 }}>
                {l.clause}
              </Tag>
            ) : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}
