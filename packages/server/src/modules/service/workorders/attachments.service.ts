import { TERMINAL_STATES, type WorkOrderState } from '@ranre/domain';
import { createHash } from 'node:crypto';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, notFound } from '../../../core/errors.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { seesIdentity, visibleOrders } from './access.ts';
import { fieldError } from './order-write.ts';
import * as related from './related.repository.ts';
import * as repo from './workorders.repository.ts';
import type { TAttachment } from './workorders.schemas.ts';

// Signatures and photos of the on-site record (G-5.9.7, H-7.6.5.1(6)): a data URL whose bytes are the image type
// it claims (PNG, JPEG, WebP), at most 2 MB. Stored once, never changed; read under the order's scope. The same
// parser (`parseDataUrl`) takes the photos of a self-reading, a delivery and an insurance claim (with its video).

export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;
/** A phone's short video of a loss (H-9.3): MP4, QuickTime or WebM, at most 8 MB. */
export const MAX_VIDEO_BYTES = 8 * 1024 * 1024;

const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  // ISO base media (MP4, the iPhone's QuickTime): an `ftyp` box first; WebM: the EBML header.
  'video/mp4': (b) => b.subarray(4, 8).toString('latin1') === 'ftyp',
  'video/quicktime': (b) => b.subarray(4, 8).toString('latin1') === 'ftyp',
  'video/webm': (b) => b.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])),
};
const DATA_URL = /^data:((?:image|video)\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/]*={0,2})$/;

/** The file's type and base64 text, if the data URL is a real file of an accepted type within its size. */
export function parseDataUrl(
  dataUrl: string,
  accept: { videos: boolean },
): { mime: string; base64: string; bytes: Buffer; kind: 'photo' | 'video' } {
  const m = DATA_URL.exec(dataUrl);
  const mime = m?.[1];
  const video = !!mime?.startsWith('video/');
  const bytes = m && m[2]!.length % 4 === 0 ? Buffer.from(m[2]!, 'base64') : null;
  if (!m || !bytes || !mime || !MAGIC[mime] || (video && !accept.videos) || !MAGIC[mime](bytes)) {
    fieldError(
      'ATTACHMENT_INVALID',
      'dataUrl',
      accept.videos
        ? {
            zh: '附件须为 PNG、JPEG、WebP 图片或 MP4、MOV、WebM 视频的 data URL，且内容与类型一致',
            en: 'The attachment must be a data URL of a PNG, JPEG or WebP image or an MP4, MOV or WebM video whose bytes match its type',
          }
        : {
            zh: '附件须为 PNG、JPEG 或 WebP 图片的 data URL（data:image/png;base64,…），且内容与类型一致',
            en: 'The attachment must be a data URL of a PNG, JPEG or WebP image whose bytes match its type',
          },
    );
  }
  const max = video ? MAX_VIDEO_BYTES : MAX_ATTACHMENT_BYTES;
  if (bytes.length > max) {
    const mb = max / 1024 / 1024;
    fieldError(
      'ATTACHMENT_TOO_LARGE',
      'dataUrl',
      {
        zh: `${video ? '视频' : '图片'}过大：${Math.ceil(bytes.length / 1024)} KB，最大 ${mb} MB`,
        en: `The ${video ? 'video' : 'image'} is too large: ${Math.ceil(bytes.length / 1024)} KB, at most ${mb} MB`,
      },
      { bytes: bytes.length, maxBytes: max },
    );
  }
  return { mime, base64: m[2]!, bytes, kind: video ? 'video' : 'photo' };
}

/** The image's type and base64 text, if the data URL is a real PNG, JPEG or WebP of at most 2 MB. */
export function parseImage(dataUrl: string): { mime: string; base64: string; bytes: Buffer } {
  return parseDataUrl(dataUrl, { videos: false });
}

export class AttachmentService {
  constructor(private readonly ctx: AppContext) {}

  async add(actor: Actor, orderId: string, input: { kind: 'signature' | 'photo'; dataUrl: string }) {
    const image = parseImage(input.dataUrl);
    const now = this.ctx.now();
    const row = await this.ctx.database.db.transaction(async (tx) => {
      const order = await repo.lockOrder(tx, orderId, visibleOrders(actor));
      if (!order) throw notFound('work order');
      if (actor.role === 'technician' && order.assigneeId !== actor.id) {
        throw appError('FORBIDDEN', {
          zh: '只有被派单的维修人员可以为这张工单上传附件',
          en: 'Only the technician the order is assigned to may add attachments',
        });
      }
      if (TERMINAL_STATES.includes(order.state as WorkOrderState)) {
        throw appError('WORK_ORDER_CLOSED', {
          zh: `工单 ${order.orderNo} 已结束，不能再添加附件`,
          en: `Work order ${order.orderNo} has ended; no more attachments`,
        });
      }
      const created = await related.insertAttachment(tx, {
        enterpriseId: order.enterpriseId,
        orderId,
        kind: input.kind,
        mime: image.mime,
        dataBase64: image.base64,
        createdBy: actor.id,
        createdAt: now,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: order.enterpriseId,
        action: 'attachment.create',
        entity: 'work_order',
        entityId: orderId,
        after: {
          attachmentId: created.id,
          kind: input.kind,
          mime: image.mime,
          bytes: image.bytes.length,
          sha256: createHash('sha256').update(image.bytes).digest('hex'),
        },
      });
      return created;
    });
    return toAttachment(row);
  }

  /** The image, if the caller may read its order. */
  async get(actor: Actor, id: string): Promise<{ mime: string; bytes: Buffer }> {
    const { db } = this.ctx.database;
    const row = await related.findAttachment(db, id);
    const order = row ? await repo.findOrderView(db, row.orderId, visibleOrders(actor)) : null;
    // A complainant's signature is part of his identity (G-5.7.6): only those handling the complaint see it.
    if (!row || !order || (row.kind === 'signature' && !seesIdentity(actor, order))) {
      throw notFound('attachment');
    }
    return { mime: row.mime, bytes: Buffer.from(row.dataBase64, 'base64') };
  }
}

function toAttachment(r: { id: string; kind: string; mime: string; createdAt: Date }): TAttachment {
  return {
    id: r.id,
    kind: r.kind as TAttachment['kind'],
    mime: r.mime,
    createdAt: r.createdAt.toISOString(),
  };
}
