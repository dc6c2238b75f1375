import {
  forwardRef,
  useCallback,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import { Button, Typography } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/index.tsx';

export interface SignaturePadHandle {
  isEmpty: () => boolean;
  /** The drawing on a white background, as a PNG data URL. */
  toPng: () => string;
  clear: () => void;
}

const HEIGHT = 200;

/**
 * The customer's signature drawn with a finger, a pen or a mouse (G-5.9.7). Pointer events cover all three;
 * `touch-action: none` keeps the page from scrolling under the finger.
 */
export const SignaturePad = forwardRef<SignaturePadHandle, { onChange?: (empty: boolean) => void }>(
  function SignaturePad({ onChange }, ref) {
    const { t } = useI18n();
    const canvasRef = useRef<HTMLCanvasElement>(null);
    const drawing = useRef(false);
    const [empty, setEmpty] = useState(true);
    // Held in a ref so a new callback from the parent never re-runs `reset` and wipes the drawing.
    const onChangeRef = useRef(onChange);
    onChangeRef.current = onChange;

    const ctx = () => canvasRef.current?.getContext('2d') ?? null;

    const reset = useCallback(() => {
      const canvas = canvasRef.current;
      const c = ctx();
      if (!canvas || !c) return;
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.round(canvas.clientWidth * ratio);
      canvas.height = Math.round(HEIGHT * ratio);
      c.setTransform(ratio, 0, 0, ratio, 0, 0);
      c.fillStyle = '#fff';
      c.fillRect(0, 0, canvas.width, canvas.height);
      c.lineWidth = 2.5;
      c.lineCap = 'round';
      c.lineJoin = 'round';
      c.strokeStyle = '#1d2b3a';
      setEmpty(true);
      onChangeRef.current?.(true);
    }, []);

    useEffect(() => {
      reset();
    }, [reset]);

    useImperativeHandle(
      ref,
      () => ({
        isEmpty: () => empty,
        toPng: () => canvasRef.current?.toDataURL('image/png') ?? '',
        clear: reset,
      }),
      [empty, reset],
    );

    const point = (e: ReactPointerEvent<HTMLCanvasElement>) => {
      const r = e.currentTarget.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    };

    const down = (e: ReactPointerEvent<HTMLCanvasElement>) => {
      const c = ctx();
      if (!c) return;
      e.currentTarget.setPointerCapture(e.pointerId);
      drawing.current = true;
      const p = point(e);
      c.beginPath();
      c.moveTo(p.x, p.y);
      c.lineTo(p.x + 0.1, p.y + 0.1);
      c.stroke();
    };

    const move = (e: ReactPointerEvent<HTMLCanvasElement>) => {
      const c = ctx();
      if (!drawing.current || !c) return;
      const p = point(e);
      c.lineTo(p.x, p.y);
      c.stroke();
      if (empty) {
        setEmpty(false);
        onChangeRef.current?.(false);
      }
    };

    const up = () => {
      drawing.current = false;
    };

    return (
      <div className="signature-pad">
        <canvas
          ref={canvasRef}
          data-testid="signature-canvas"
          data-empty={empty ? 'true' : 'false'}
          style={{ height: HEIGHT }}
          onPointerDown={down}
          onPointerMove={move}
          onPointerUp={up}
          onPointerCancel={up}
          onPointerLeave={up}
        />
        <div className="signature-foot">
          <Typography.Text type="secondary">{t('wo.signHere')}</Typography.Text>
          <Button icon={<ClearOutlined />} onClick={reset} data-testid="signature-clear">
            {t('wo.signClear')}
          </Button>
        </div>
      </div>
    );
  },
);
