// Actions shared by the toolbar and the keyboard.
export interface Actions {
  save: () => void;
  open: () => void;
  share: () => Promise<void>;
}
