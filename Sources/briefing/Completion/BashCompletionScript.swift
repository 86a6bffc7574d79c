import ArgumentParser

/// The bash completion script: swift-argument-parser's, with a wrapper that lets `--set id=value`
/// complete.
///
/// bash breaks words at `=` (it is in `COMP_WORDBREAKS`), so `briefing build --set nation=` reaches
/// a completion function as `--set nation =`, and the generated function, which looks at the word
/// before the cursor, never sees `--set`. The wrapper joins the pieces back into one word, runs the
/// generated function on the joined words, and trims each candidate to the part bash replaces
/// (what follows the `=`). zsh and fish pass `nation=` as one word and need none of this.
enum BashCompletionScript {
    /// The whole script, as `briefing --generate-completion-script bash` prints it.
    static var text: String {
        BriefingCommand.completionScript(for: .bash) + "\n" + wrapper
    }

    /// The arguments that ask for the bash script: `--generate-completion-script bash` (or `=bash`),
    /// or no shell named while bash is the user's shell.
    static func isRequested(by arguments: [String]) -> Bool {
        switch arguments {
        case ["--generate-completion-script", "bash"], ["--generate-completion-script=bash"]:
            return true
        case ["--generate-completion-script"]:
            return CompletionShell.autodetected() == .bash
        default:
            return false
        }
    }

    static let wrapper = #"""
        # Joins the words bash split at '=' ("nation" "=" "wa" back to "nation=wa"), then completes
        # with the generated function and keeps the part of each candidate after the '='.
        _briefing_joining_equals() {
            local -a joined=()
            local -i index joined_cword=0
            local rest="${COMP_LINE}" word space
            for index in "${!COMP_WORDS[@]}"; do
                word="${COMP_WORDS[index]}"
                space="${rest%%[![:space:]]*}"
                rest="${rest#"${space}"}"
                if [[ "${index}" -gt 0 && -z "${space}" && ( "${word}" == =* || "${joined[-1]}" == *= ) ]]; then
                    joined[-1]+="${word}"
                else
                    joined+=("${word}")
                fi
                rest="${rest#"${word}"}"
                [[ "${index}" -eq "${COMP_CWORD}" ]] && joined_cword=$((${#joined[@]} - 1))
            done

            local current="${joined[joined_cword]}" typed="${2}" previous="" trim=""
            [[ "${joined_cword}" -gt 0 ]] && previous="${joined[joined_cword - 1]}"
            if [[ "${current}" != "${COMP_WORDS[COMP_CWORD]}" ]]; then
                trim="${current%"${typed}"}"
            else
                current="${typed}"
            fi

            local -a COMP_WORDS=("${joined[@]}")
            local -i COMP_CWORD="${joined_cword}"
            _briefing "${1}" "${current}" "${previous}"

            if [[ "${previous}" == --set ]]; then
                # Answers are not file names: no quoting of '=' or ';', and no space after 'id='.
                compopt +o filenames 2>/dev/null
                local -i reply
                for reply in "${!COMPREPLY[@]}"; do
                    COMPREPLY[reply]="${COMPREPLY[reply]#"${trim}"}"
                done
                [[ "${#COMPREPLY[@]}" -eq 1 && "${COMPREPLY[0]}" == *[=.] ]] && compopt -o nospace 2>/dev/null
            fi
            return 0
        }

        complete -o filenames -F _briefing_joining_equals briefing

        """#
}
