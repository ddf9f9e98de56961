"""Pure component trees and figure builders."""
