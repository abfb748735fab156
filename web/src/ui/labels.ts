// Readable names of the runtime's enums. Typed by the descriptors: a variant the runtime adds or
// renames is a compile error here until it has a label.

import type {
  ContributionKindName, LineageKindName, PledgeStateName, ProcessName, Readiness, ValueEquationName,
} from '../chain/types';

export const PROCESS_LABELS: Record<ProcessName, string> = {
  ThreeDPrinting: '3D printing',
  CncMilling: 'CNC milling',
  LaserCutting: 'Laser cutting',
  PcbAssembly: 'PCB assembly',
  Electronics: 'Electronics',
  Sewing: 'Sewing',
  Textiles: 'Textiles',
  Welding: 'Welding',
  Metalworking: 'Metalworking',
  Woodworking: 'Woodworking',
  Casting: 'Casting and moulding',
  Growing: 'Growing',
  FoodProcessing: 'Food processing',
  Construction: 'Construction',
  RepairAndRefurbishment: 'Repair and refurbishment',
  Assembly: 'Assembly',
  Other: 'Other',
};

/** Every process, in the runtime's order. */
export const PROCESSES = Object.keys(PROCESS_LABELS) as ProcessName[];

export const READINESS_LABELS: Record<Readiness['type'], string> = {
  Concept: 'Concept',
  Prototype: 'Prototype',
  Made: 'Made',
  MadeIndependently: 'Made independently',
};

export const LINEAGE_LABELS: Record<LineageKindName, string> = {
  Derivative: 'derivative',
  Variant: 'variant',
};

export const PLEDGE_STATE_LABELS: Record<PledgeStateName, string> = {
  Funding: 'Funding',
  Funded: 'Funded',
  Delivered: 'Delivered',
  Disputed: 'Disputed',
  Settled: 'Settled',
  Failed: 'Failed',
  Defaulted: 'Defaulted',
  Cancelled: 'Cancelled',
};

export const CONTRIBUTION_KIND_LABELS: Record<ContributionKindName, string> = {
  Design: 'Design',
  Documentation: 'Documentation',
  Testing: 'Testing and reviewing',
  Production: 'Production',
  Materials: 'Materials or tools',
  Funding: 'Funding',
  Care: 'Care work',
  Coordination: 'Coordination',
};

/** Every contribution kind, in the runtime's order. */
export const CONTRIBUTION_KINDS = Object.keys(CONTRIBUTION_KIND_LABELS) as ContributionKindName[];

/** The value equations, as the runtime documents their weights. */
export const VALUE_EQUATION_LABELS: Record<ValueEquationName, string> = {
  Equal: 'Equal: every kind weighs 10 a unit',
  Disco: 'DisCO: care 20, coordination 15, design, documentation, testing and production 10, materials and funding 5',
  Maker: 'Maker: design and production 20, documentation, testing and materials 10, funding, care and coordination 5',
  Custom: 'Custom weights',
};
