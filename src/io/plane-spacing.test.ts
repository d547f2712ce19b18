// meta.planeSpacing: the distance between planes, from ImageJ (spacing/zunit, finterval/tunit) and
// OME-XML (PhysicalSizeZ, TimeIncrement), z in µm when the unit is a known length.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createImage } from '../core/image';
import { imagePath } from '../testing/paths';
import { decodeImageFile } from './decode';
import { encodeTiff } from './tiff';
import { describeTiffStack } from './tiff-meta';
import { MICRON } from './units';

const decode = (bytes: Uint8Array) => decodeImageFile(bytes, 'x.tif', { maxPixels: 2 ** 28 });
const noResolution = { unit: 1 };

describe('plane spacing', () => {
  it('the real OME z-stack: PhysicalSizeZ in µm, as stored', () => {
    const spots = decode(new Uint8Array(readFileSync(imagePath('xyz_16bit__spots.ome.tif'))));
    const stored = /PhysicalSizeZ="([^"]+)"/.exec(readFileSync(imagePath('xyz_16bit__spots.ome.tif'), 'latin1'))![1];
    expect(spots.meta.planeSpacing).toEqual({ value: Number(stored), unit: MICRON, axis: 'z' });
  });

  it('ImageJ z spacing and frame interval, through cellgraph\'s own TIFF writer', () => {
    const z = createImage({ width: 2, height: 2, planes: 3 }, 'uint8', undefined, { pixelSize: { x: 0.2, y: 0.2, z: 0.5, unit: MICRON }, extra: { planeAxis: 'z' } });
    expect(decode(encodeTiff(z)).meta.planeSpacing).toEqual({ value: 0.5, unit: MICRON, axis: 'z' });
    const t = createImage({ width: 2, height: 2, planes: 3 }, 'uint8', undefined, { extra: { planeAxis: 't', frameInterval: '2.5' } });
    expect(decode(encodeTiff(t)).meta.planeSpacing).toEqual({ value: 2.5, unit: 'sec', axis: 't' });
  });

  it('OME: z in nm converted to µm, time increments, none for z and t together or a single plane', () => {
    const ome = (attrs: string) => `<OME xmlns="http://www.openmicroscopy.org/Schemas/OME/2016-06"><Image><Pixels ${attrs}></Pixels></Image></OME>`;
    expect(describeTiffStack(ome('SizeZ="4" PhysicalSizeZ="250" PhysicalSizeZUnit="nm"'), 4, 1, noResolution).planeSpacing).toEqual({ value: 0.25, unit: MICRON, axis: 'z' });
    expect(describeTiffStack(ome('SizeT="4" TimeIncrement="30" TimeIncrementUnit="ms"'), 4, 1, noResolution).planeSpacing).toEqual({ value: 30, unit: 'ms', axis: 't' });
    expect(describeTiffStack(ome('SizeZ="2" SizeT="2" PhysicalSizeZ="1" TimeIncrement="3"'), 4, 1, noResolution).planeSpacing).toBeUndefined();
    expect(describeTiffStack(ome('PhysicalSizeZ="1"'), 1, 1, noResolution).planeSpacing).toBeUndefined();
  });

  it('ImageJ spacing without a length unit is kept as written', () => {
    const layout = describeTiffStack('ImageJ=1.53f\nimages=3\nslices=3\nspacing=2\n', 3, 1, noResolution);
    expect(layout.planeSpacing).toEqual({ value: 2, unit: 'pixel', axis: 'z' });
  });
});
