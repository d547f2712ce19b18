import { z } from 'zod';
import { UserError } from '../../src/core/errors';
import { copyMeta } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { createTable } from '../../src/core/table';
import { TRACKING_METHODS, trackObjects as trackKernel } from '../../src/imaging/tracking';

export const trackObjects = defineNode({
  type: 'track-objects',
  version: 1,
  category: 'Stack',
  label: 'Track objects',
  aliases: ['TrackObjects'],
  description: [
    'Links the objects of consecutive planes of a label stack, such as a time-lapse segmented frame by frame ' +
      '(threshold then label on the whole stack), so that the same cell keeps one number in every frame ' +
      '(CellProfiler TrackObjects, methods Overlap and Distance). Planes are linked in order, whatever they are: ' +
      'on a z-stack it links consecutive z-slices. Each object is the pixels of one label value in one plane; ' +
      'labels may restart in every plane or be unique across the stack.',
    'For each pair of consecutive planes the linking is one to one and optimal (the Hungarian method), where ' +
      'CellProfiler lets each new object pick its best previous object on its own, so that two objects can share a label:',
    '- overlap: the linking with the largest total number of shared pixels (same x and y in both planes); two ' +
      'objects can be linked only if they share at least Min overlap pixels.',
    '- distance: objects whose centroids (mean column and row) are at most Max distance apart can be linked; the ' +
      'linking chosen has the smallest total cost, a link costing the distance between the two centroids and each ' +
      'object left unlinked, in either plane, costing Max distance. The nearest pair is not simply taken first: when ' +
      'all objects drift by more than half their spacing, each still links to its own successor. (CellProfiler ' +
      'measures from a centroid to the nearest pixel of the other object.)',
    'An object without a link starts a new track with a new label; a track whose object has no link in the next ' +
      'plane ends. Labels are given in order of first appearance: the first plane\'s objects in input-label order, ' +
      'then each plane\'s new objects in input-label order.',
    'Gap closing (Max gap above 0; CellProfiler\'s LAP method has it as its second step): a cell the segmentation ' +
      'misses in a frame or two otherwise comes back as a new track. With it, after the frame-to-frame linking, a ' +
      'track that ends is joined to one that starts 2 to Max gap + 1 planes later (so 1 to Max gap planes missing) ' +
      'when the centroid where it ended and the one where the other starts are at most Gap distance apart; the joins ' +
      'are one to one and optimal (smallest total distance, each end or start left unjoined costing Gap distance), ' +
      'the joined track keeps the earlier label. Only tracks that end and start take part: a link made between ' +
      'consecutive planes is never undone. Default 0: no gap closing.',
    'Splits and merges: when a cell divides, one daughter continues its track (unless other objects compete: the ' +
      'one sharing more pixels with the mother, or the nearer one) and the other starts a new track whose ' +
      'parent_label is the mother\'s; when two objects merge, the merged object continues one of the two tracks and ' +
      'the other ends (lost). Ties: with overlap, of two linkings with the same total overlap the one whose linked ' +
      'centroids are nearer in total wins; when that too is equal (one object, two mirror-image partners), as with ' +
      'distance, the lower-numbered partner is linked.',
    'Outputs: labels, the stack relabelled with track labels (0 stays background), and a table with one row per ' +
      'object and plane, by plane then label; lengths in pixels (CellProfiler\'s TrackObjects_ feature in brackets):',
    '- label (Label), plane (0-based), input_label: the object\'s number in the input labels.',
    '- parent_label: the label of the object in the previous plane it comes from: its own label when linked; for a ' +
      'new object, the previous object it shares most pixels with (overlap) or the nearest within Max distance ' +
      '(distance), e.g. the mother of a daughter cell; 0 when none (ParentObjectNumber, given as a track label).',
    '- centroid_x, centroid_y: mean column and row of its pixels (Location_Center_X/Y).',
    '- trajectory_x, trajectory_y, distance_traveled: the step from the previous plane\'s centroid and its length; 0 ' +
      'for a new object; across a closed gap, the step from the last centroid seen (TrajectoryX/Y, DistanceTraveled).',
    '- displacement: straight-line distance from where the track started (Displacement); integrated_distance: the ' +
      'sum of its steps so far (IntegratedDistance); linearity = displacement / integrated_distance, empty (NaN) ' +
      'while that is 0 (Linearity).',
    '- lifetime: the number of planes the track has existed, 1 where it starts, planes missing inside a closed gap ' +
      'included (Lifetime); final_age: the lifetime on a track\'s last row (where it ends, or on the last plane), ' +
      'empty elsewhere (FinalAge).',
    '- new: 1 where a track starts, including every object of the first plane; lost: 1 on the last row of a track ' +
      'that ends before the last plane. The sum of new over a plane is CellProfiler\'s NewObjectCount of that frame ' +
      'and the sum of lost its LostObjectCount of the next frame, except that here a split daughter counts as new and ' +
      'the track that ends in a merge as lost.',
    'To measure the tracked cells, connect the labels to measure-objects (one row per label and plane). A node that ' +
      'takes a label across planes as one object (filter-objects\' area is summed over planes) sees a whole track. ' +
      '2-D labels (one plane) are refused: there is nothing to link.',
  ].join('\n'),
  inputs: { labels: port.labels({ label: 'Objects (stack)' }) },
  outputs: { labels: port.labels({ label: 'Tracked objects' }), table: port.table() },
  params: z.object({
    method: z
      .enum(TRACKING_METHODS)
      .default('overlap')
      .meta({
        label: 'Method',
        description:
          'overlap: link the objects sharing the most pixels (frames close enough in time that cells overlap). ' +
          'distance: link the nearest centroids within Max distance (cells that move further than their size).',
      }),
    max_distance: z
      .number()
      .positive()
      .max(1e6)
      .default(50)
      .meta({
        label: 'Max distance',
        unit: 'px',
        description: 'The farthest apart two centroids can be and still be linked; also the cost of leaving an object unlinked.',
        shownWhen: { method: ['distance'] },
      }),
    min_overlap: z
      .number()
      .int()
      .min(1)
      .default(1)
      .meta({
        label: 'Min overlap',
        unit: 'px',
        description: 'The fewest pixels two objects must share to be linked.',
        shownWhen: { method: ['overlap'] },
      }),
    max_gap: z
      .number()
      .int()
      .min(0)
      .max(100)
      .default(0)
      .meta({
        label: 'Max gap',
        unit: 'planes',
        description: 'Gap closing: the most consecutive planes a cell may be missing from and still keep its track; 0 = no gap closing.',
      }),
    gap_distance: z
      .number()
      .positive()
      .max(1e6)
      .default(20)
      .meta({
        label: 'Gap distance',
        unit: 'px',
        description: 'Gap closing (Max gap above 0): the farthest a cell\'s centroid may move across the gap.',
      }),
  }),
  run: ({ labels }, { method, max_distance, min_overlap, max_gap, gap_distance }) => {
    if (labels.planes < 2) {
      throw new UserError('track-objects needs a stack of labels (planes = frames), got 2-D labels (1 plane): segment the whole time-lapse');
    }
    const t = trackKernel(labels, { method, maxDistance: max_distance, minOverlap: min_overlap, maxGap: max_gap, gapDistance: gap_distance });
    const r = t.rows;
    const table = createTable(
      [
        { name: 'label', values: r.label },
        { name: 'plane', values: r.plane },
        { name: 'input_label', values: r.inputLabel },
        { name: 'parent_label', values: r.parentLabel },
        { name: 'centroid_x', values: r.centroidX, unit: 'px' },
        { name: 'centroid_y', values: r.centroidY, unit: 'px' },
        { name: 'trajectory_x', values: r.trajectoryX, unit: 'px' },
        { name: 'trajectory_y', values: r.trajectoryY, unit: 'px' },
        { name: 'distance_traveled', values: r.distanceTraveled, unit: 'px' },
        { name: 'displacement', values: r.displacement, unit: 'px' },
        { name: 'integrated_distance', values: r.integratedDistance, unit: 'px' },
        { name: 'linearity', values: r.linearity },
        { name: 'lifetime', values: r.lifetime },
        { name: 'final_age', values: r.finalAge },
        { name: 'new', values: r.isNew },
        { name: 'lost', values: r.lost },
      ],
      copyMeta(labels.meta),
    );
    return { labels: t.labels, table };
  },
});
