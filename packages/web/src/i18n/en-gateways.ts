/** English: heating gateway keys (issue 21, H-5.4.1). */
import type { zhGateways } from './zh-gateways.ts';

export const enGateways: Record<keyof typeof zhGateways, string> = {
  'menu.gateways': 'Gateway keys',
  'gw.intro':
    "Room-temperature gateways send readings with a key of their own (H-5.4.1): it can only send readings for this company's sensors; it cannot sign in or open anything else. The key is shown once, when issued, and only its hash is kept; revoke it when a gateway is lost or replaced.",
  'gw.issueTitle': 'Issue a key',
  'gw.gateway': 'Gateway code',
  'gw.gatewayHelp': 'letters, digits, - and _, e.g. station-01; also a level of its MQTT topic',
  'gw.name': 'Name',
  'gw.issue': 'Issue',
  'gw.issuedTitle': 'New key (shown this once only)',
  'gw.issuedWarn':
    'Copy it into the gateway now. It cannot be shown again; a lost key can only be revoked and a new one issued.',
  'gw.http': 'HTTP: POST /api/sensors/readings with the header',
  'gw.mqtt': 'MQTT: publish to',
  'gw.mqttPayload': 'payload {"key":"<key>","readings":[…]}; answers on …/results',
  'gw.prefix': 'Key starts',
  'gw.created': 'Issued',
  'gw.lastUsed': 'Last used',
  'gw.status': 'Status',
  'gw.active': 'Active',
  'gw.revoked': 'Revoked',
  'gw.revoke': 'Revoke',
  'gw.revokeConfirm': 'The gateway can no longer send readings once revoked. Revoke?',
  'gw.revokedOk': 'Revoked',
  'gw.empty': 'No gateway keys issued yet',
  'gw.topic': 'MQTT topic',
};
