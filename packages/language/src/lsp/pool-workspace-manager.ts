import { type BuildOptions, DefaultWorkspaceManager } from 'langium';

/**
 * Reads every `.pool` file in the workspace folders at start and checks them all, so problems
 * show for files not yet opened and an agreement is checked with everything it imports.
 * (Langium's initial build does not validate unless asked.)
 */
export class PoolWorkspaceManager extends DefaultWorkspaceManager {
    override initialBuildOptions: BuildOptions = { validation: true };
}
