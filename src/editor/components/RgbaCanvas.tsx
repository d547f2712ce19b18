// Draws an RGBA buffer into a canvas at its own resolution (CSS scales it, pixelated).
import { useEffect, useRef, type CanvasHTMLAttributes } from 'react';

export function RgbaCanvas({ rgba, width, height, ...rest }: { rgba: Uint8ClampedArray; width: number; height: number } & CanvasHTMLAttributes<HTMLCanvasElement>) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx || rgba.length !== width * height * 4) return;
    ctx.putImageData(new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, width, height), 0, 0);
  }, [rgba, width, height]);
  return <canvas ref={ref} width={width} height={height} {...rest} />;
}
