import LostphoneCore
print(BuiltinResources.playbookYAML.count)
