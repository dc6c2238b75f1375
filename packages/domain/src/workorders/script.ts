// The reception script of G-5.5.4: a) greeting, b) company name and badge number, c) ask the purpose and serve,
// d) farewell. H-7.6.1.2(1): whoever receives the customer first states who they are.

import { domainError, type Messages } from '../errors.ts';
import { WorkOrderErrorCodes } from './errors.ts';

export type ReceptionChannel = 'phone' | 'counter' | 'on_site' | 'online';

export type ScriptStep = 'greeting' | 'identify' | 'purpose' | 'service' | 'farewell';

export interface ScriptLine extends Messages {
  step: ScriptStep;
  /** The clause the line satisfies. */
  clause: string;
}

export interface ReceptionScriptInput {
  companyName: string;
  badgeNumber: string;
  agentName?: string;
  channel: ReceptionChannel;
}

/**
 * The lines to say, in order. On the phone only the badge number is given (G-5.5.4 asks for company and
 * badge number; a hotline agent's name is not handed to every caller). Face to face the agent also shows the
 * badge, which carries the name (G-5.6.4, G-5.9.3), so the name is said too.
 */
export function receptionScript(input: ReceptionScriptInput): ScriptLine[] {
  const company = input.companyName?.trim();
  const badge = input.badgeNumber?.trim();
  if (!company || !badge) {
    throw domainError(
      WorkOrderErrorCodes.RECEPTION_SCRIPT_INCOMPLETE,
      '接待用语须报企业名称及工号（G-5.5.4），请先维护企业名称和工号。',
      'The reception script states the company name and badge number (G-5.5.4); both are required.',
      { companyName: Boolean(company), badgeNumber: Boolean(badge) },
    );
  }
  const name = input.agentName?.trim();
  const faceToFace = input.channel === 'counter' || input.channel === 'on_site';
  const named = faceToFace && name;
  const identify: Messages = named
    ? {
        zh: `我是${company}的服务人员${name}，工号${badge}，这是我的工作证。`,
        en: `I am ${name} from ${company}, badge number ${badge}; here is my staff card.`,
      }
    : {
        zh: `这里是${company}，${badge}号为您服务。`,
        en: `This is ${company}, agent number ${badge} speaking.`,
      };
  const greeting: Record<ReceptionChannel, Messages> = {
    phone: { zh: '您好！', en: 'Hello!' },
    online: { zh: '您好！', en: 'Hello!' },
    counter: { zh: '您好，请坐！', en: 'Hello, please have a seat.' },
    on_site: { zh: '您好，打扰了！', en: 'Hello, sorry to disturb you.' },
  };
  return [
    { step: 'greeting', clause: 'G-5.5.4(a)', ...greeting[input.channel] },
    { step: 'identify', clause: 'G-5.5.4(b)', ...identify },
    { step: 'purpose', clause: 'G-5.5.4(c)', zh: '请问有什么可以帮您？', en: 'How can I help you?' },
    {
      step: 'service',
      clause: 'G-5.5.4(c)',
      zh: '我已记录您的诉求，将按规定时限为您办理，办理结果会及时告知您。',
      en: 'I have recorded your request; it will be handled within the set time limit and you will be told the result.',
    },
    {
      step: 'farewell',
      clause: 'G-5.5.4(d)',
      ...(input.channel === 'phone'
        ? { zh: '感谢您的来电，再见！', en: 'Thank you for calling. Goodbye!' }
        : { zh: '感谢您的支持，再见！', en: 'Thank you. Goodbye!' }),
    },
  ];
}
