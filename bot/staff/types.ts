/**
 * The staff-command layer's contract, shared by every channel: a staff
 * member writes a command (or presses a button under an alert) on Telegram or
 * WhatsApp; the channel adapter passes it here with who sent it; the replies
 * go back to that staff chat. Anyone not configured as staff is refused and
 * the attempt is recorded in the audit log.
 */
import type { ChannelName, OutboundMessage } from "../channels/types";

export interface StaffActor {
  channel: ChannelName;
  /** The staff member's id on that channel (Telegram user id, WhatsApp number/id). */
  userId: string;
  displayName?: string;
  /** Their Telegram username, without "@" (recorded so that "@handle" signs in to the desk). */
  handle?: string;
  /** Where the action was taken: a staff chat (default) or the web desk (every staff chat then hears of it). */
  via?: "chat" | "desk";
}

/** Where a command was typed: a group every staff member (and anyone else in it) reads, or a private chat. */
export interface StaffChat {
  group: boolean;
}

/**
 * A reply to a staff command. `privately`: it carries a person's full data; typed in a group, the
 * channel delivers it to the staff member's own private chat, never to the group.
 */
export type StaffReply = OutboundMessage & { privately?: boolean };

export interface StaffCommands {
  /** True when the actor is configured as staff on their channel. */
  isStaff(actor: StaffActor): boolean;
  /**
   * Handles a typed command ("/pending", "/show A26-00001", "/reply H26-00003 text",
   * "/close H26-00003", "/stats", "/decide A26-00001 approve note...", "/help"; Arabic
   * aliases too). Returns the replies for the staff chat. Never throws for bad input.
   * `where` defaults to a private chat.
   */
  handleText(actor: StaffActor, text: string, where?: StaffChat): Promise<StaffReply[]>;
  /**
   * Handles a button pressed under a staff alert; `action` is the button's value
   * (e.g. "staff:claim:H26-00003", "staff:close:H26-00003", "staff:show:A26-00001").
   */
  handleAction(actor: StaffActor, action: string, where?: StaffChat): Promise<StaffReply[]>;
}
