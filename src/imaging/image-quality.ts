// Image quality measures (CellProfiler MeasureImageQuality, with scikit-image's operators):
// - focus score: variance (population) of the Laplacian, skimage.filters.laplace(image, ksize=3):
//   4·I(y, x) − I(y−1, x) − I(y+1, x) − I(y, x−1) − I(y, x+1), border 'reflect' (the edge pixel
//   repeated), computed on img_as_float values (integers scaled to 0–1, floats unchanged);
// - local focus: the same variance in each full tile of tile × tile pixels (tiles from the top-left
//   corner; a partial last row/column of tiles is dropped), summarised by its min, mean and max;
// - saturation: percentage of pixels at the image's maximum (and minimum) value, CellProfiler's
//   PercentMaximal / PercentMinimal.
import { borderIndex } from './correlate1d';

export function laplace3(values: ArrayLike<number>, width: number, height: number): Float64Array {
  const out = new Float64Array(width * height);
  for (let y = 0; y < height; y++) {
    const up = borderIndex(y - 1, height, 'reflect') * width;
    const down = borderIndex(y + 1, height, 'reflect') * width;
    for (let x = 0; x < width; x++) {
      const left = borderIndex(x - 1, width, 'reflect');
      const right = borderIndex(x + 1, width, 'reflect');
      out[y * width + x] =
        4 * values[y * width + x] - values[up + x] - values[down + x] - values[y * width + left] - values[y * width + right];
    }
  }
  return out;
}

function variance(values: ArrayLike<number>, indices?: Int32Array): number {
  const n = indices ? indices.length : values.length;
  let sum = 0;
  for (let k = 0; k < n; k++) sum += values[indices ? indices[k] : k];
  const mean = sum / n;
  let ss = 0;
  for (let k = 0; k < n; k++) {
    const d = values[indices ? indices[k] : k] - mean;
    ss += d * d;
  }
  return ss / n;
}

export interface ImageQuality {
  focusScore: number;
  localFocusMin: number;
  localFocusMean: number;
  localFocusMax: number;
  percentMaximal: number;
  percentMinimal: number;
}

/** `values`: img_as_float values of one 2-D slice. */
export function imageQuality(values: ArrayLike<number>, width: number, height: number, tile: number): ImageQuality {
  const lap = laplace3(values, width, height);
  const tilesX = Math.floor(width / tile);
  const tilesY = Math.floor(height / tile);
  const local: number[] = [];
  const idx = new Int32Array(tile * tile);
  for (let ty = 0; ty < tilesY; ty++) {
    for (let tx = 0; tx < tilesX; tx++) {
      let k = 0;
      for (let y = ty * tile; y < (ty + 1) * tile; y++) for (let x = tx * tile; x < (tx + 1) * tile; x++) idx[k++] = y * width + x;
      local.push(variance(lap, idx));
    }
  }
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < min) min = values[i];
    if (values[i] > max) max = values[i];
  }
  let atMax = 0;
  let atMin = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === max) atMax++;
    if (values[i] === min) atMin++;
  }
  const n = values.length;
  return {
    focusScore: variance(lap),
    localFocusMin: local.length ? Math.min(...local) : NaN,
    localFocusMean: local.length ? local.reduce((a, b) => a + b, 0) / local.length : NaN,
    localFocusMax: local.length ? Math.max(...local) : NaN,
    percentMaximal: (100 * atMax) / n,
    percentMinimal: (100 * atMin) / n,
  };
}
