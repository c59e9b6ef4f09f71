import LostphoneCore
import TerminalKit

/// Recognising the phone's brand in the model the person typed (`i`): "Huawei Mate 60" names
/// the provider `huawei` of the `brand` group, which is then preselected in every locate step.
enum BrandMatch {
    static let group = "brand"

    /// The brand provider whose id or name (in any language) the model contains; nil when none
    /// or more than one does.
    static func provider(in model: String, _ playbook: Playbook) -> ProviderID? {
        let text = model.lowercased()
        var found: Set<ProviderID> = []
        for step in playbook.allSteps where step.group == group {
            for p in step.providers {
                let names = [p.id.rawValue] + Language.allCases.compactMap { p.name.value($0) }
                if names.contains(where: { name in
                    let n = name.lowercased()
                    return n.count >= 2 && text.contains(n)
                }) { found.insert(p.id) }
            }
        }
        return found.count == 1 ? found.first : nil
    }
}
